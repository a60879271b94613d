import type { ReadStream } from 'node:fs';

import { ImportReportService } from './import-report.service';

const read = async (stream: ReadStream | null): Promise<string> => {
  if (stream === null) throw new Error('no report');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

describe(ImportReportService.name, () => {
  const sut = new ImportReportService();

  it('writes a report a chunk at a time, as csv whose cells cannot run as formulas', async () => {
    const report = await sut.create(7);
    await report.append([{ rowNumber: 2, column: '状态', reason: 'Unknown status' }]);
    await report.append([]);
    await report.append([{ rowNumber: 3, column: '=cmd', reason: '+1' }]);
    await report.close();

    await expect(read(await sut.open(report.id, 7))).resolves.toBe(
      "\uFEFF行号,列,原因\r\n2,状态,Unknown status\r\n3,'=cmd,'+1\r\n",
    );
  });

  it('opens a report for its owner only, and nothing for an id that is not one', async () => {
    const report = await sut.create(7);
    await report.close();
    const operators = await sut.create(null);
    await operators.close();

    await expect(sut.open(report.id, 8)).resolves.toBeNull();
    await expect(sut.open(report.id, null)).resolves.toBeNull();
    await expect(sut.open(operators.id, 7)).resolves.toBeNull();
    (await sut.open(operators.id, null))?.destroy();
    await expect(sut.open('../../etc/passwd', 7)).resolves.toBeNull();
    await expect(sut.open('00000000-0000-4000-8000-000000000000', 7)).resolves.toBeNull();
  });

  it('leaves nothing behind when the report is discarded', async () => {
    const report = await sut.create(7);
    await report.append([{ rowNumber: 2, column: '状态', reason: 'Unknown status' }]);
    await report.discard();

    await expect(sut.open(report.id, 7)).resolves.toBeNull();
  });
});
