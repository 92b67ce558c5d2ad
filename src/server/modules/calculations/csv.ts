// RFC 4180 CSV with a byte-order mark, so that spreadsheet programs read æøå right.
function cell(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
