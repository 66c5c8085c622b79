// A batch CSV read in the browser, for its columns and a preview; the server checks it for real.

export interface CsvRow {
  /** The line the row starts on; the header is line 1, as in the server's reports. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** RFC 4180: commas, quoted fields with commas, doubled quotes and line breaks; a BOM and blank lines are skipped. */
export function parseCsv(text: string): CsvTable {
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let blank = true; // nothing read yet in this record
  const endRecord = () => {
    if (!blank) records.push({ line: recordLine, cells: [...cells, cell] });
    cells = [];
    cell = '';
    blank = true;
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (blank) recordLine = line;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '\r' && source[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') {
      line++;
      endRecord();
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      blank = false;
    } else if (c === '"') {
      quoted = true;
      blank = false;
    } else {
      cell += c;
      blank = false;
    }
  }
  endRecord();
  const [header, ...rows] = records;
  return { header: header?.cells.map((h) => h.trim()) ?? [], rows };
}
