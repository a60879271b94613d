import { crc32, deflateRawSync } from 'node:zlib';

// A zip writer for tests that need packages no zip library would write: hundreds of parts that
// share one compressed body (deflated once), or sizes that lie. Stored as written, no data
// descriptors, no zip64.

export interface ZipPart {
  name: string;
  // Raw bytes, deflated here; or a body deflated once and shared between parts.
  data?: Buffer;
  deflated?: DeflatedBody;
}

export interface DeflatedBody {
  compressed: Buffer;
  size: number;
  crc: number;
}

export function deflateBody(data: Buffer): DeflatedBody {
  return { compressed: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

export function writeZip(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const body = part.deflated ?? deflateBody(part.data ?? Buffer.alloc(0));
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(body.crc, 14);
    local.writeUInt32LE(body.compressed.length, 18);
    local.writeUInt32LE(body.size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body.compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(body.crc, 16);
    entry.writeUInt32LE(body.compressed.length, 20);
    entry.writeUInt32LE(body.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + body.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

// The parts every xlsx has, so a crafted package passes the "is it an xlsx" check and reaches
// the size checks.
export const MINIMAL_XLSX_PARTS: readonly ZipPart[] = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
  },
];
