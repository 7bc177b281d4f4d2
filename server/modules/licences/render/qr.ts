// The licence QR code as vector graphics: one filled path of the dark modules (runs of a row merged
// into one rectangle), so it stays sharp at any print size and costs a few KB.
import QRCode from 'qrcode';
import { fill, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, type PDFPage } from 'pdf-lib';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  modules: number;
  version: number;
  /** Dark runs [row, first column, length], rows from the top. */
  runs: [number, number, number][];
}

/** QR code of `text` with error correction M (survives a worn or creased print). */
export function qrPath(text: string): QrPath {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  const runs: QrPath['runs'] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      runs.push([row, start, col - start]);
    }
  }
  return { modules: size, version: qr.version, runs };
}

/** Draws the QR code with its top-left corner at (x, top), `size` points wide, on a white quiet zone. */
export function drawQr(page: PDFPage, text: string, x: number, top: number, size: number): QrPath {
  const qr = qrPath(text);
  const quiet = (4 * size) / qr.modules;
  page.drawRectangle({ x: x - quiet, y: top - size - quiet, width: size + 2 * quiet, height: size + 2 * quiet, color: rgb(1, 1, 1) });
  // One path of `re` operators filled once: no seams between modules, and much cheaper than drawSvgPath.
  const unit = size / qr.modules;
  const r = (v: number) => Math.round(v * 1000) / 1000;
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...qr.runs.map(([row, start, length]) => rectangle(r(x + start * unit), r(top - (row + 1) * unit), r(length * unit), r(unit))),
    fill(),
    popGraphicsState(),
  );
  return qr;
}
