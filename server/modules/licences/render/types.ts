// The renderer's view of a licence. Rendering is kept apart from the licence model: the PDF renderer
// is one implementation; an OFD (GB/T 33190) renderer is meant to be a second one with the same input.

export interface LicenceRenderModel {
  typeName: string;
  /** 证照编号 printed on the certificate. */
  number: string;
  /** 证照标识 (GB/T 36904). */
  identifier: string;
  holderName: string;
  /** In display order, values as the holder sees them. */
  fields: { label: string; value: string }[];
  issuerName: string;
  issuedOn: string;
  expiresOn: string | null;
  statusLabel: string;
  version: number;
  seal: { id: string; name: string };
  /** The exact text the QR code encodes. */
  qr: string;
  /** The signed licence (document, digest, signature, kid) as JSON; embedded so the signature travels with the file. */
  signedJson: string;
}

/** Signs the bytes of a rendered file (SM2 over SM3 with the default user id) with the issuer's key. */
export interface FileSigner {
  kid: string;
  sign(bytes: Uint8Array): string;
}

export interface LicenceRenderer {
  mime: string;
  extension: string;
  render(model: LicenceRenderModel, signer: FileSigner): Promise<Uint8Array>;
}
