// The fields of a shared record or licence as a two-column table (label | value), readable by screen readers.
import './sharing.css';
export function SharedFieldsTable({ fields, caption }: { fields: { label: string; value: string }[]; caption: string }) {
  if (!fields.length) return null;
  return (
    <table className="tb-shared-fields">
      <caption className="tb-sr-only">{caption}</caption>
      <tbody>
        {fields.map((f, i) => (
          <tr key={`${f.label}-${i}`}>
            <th scope="row">{f.label}</th>
            <td>{f.value || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
