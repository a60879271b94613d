// For the benchmarks: platform exports of many distinct applications with valid ID numbers,
// and fresh databases to import them into.
import { createConnection } from 'mysql2/promise';

const HEADERS = [
  '申报编号',
  '姓名',
  '身份证号',
  '单位',
  '县市',
  '系列',
  '专业',
  '级别',
  '状态',
  '状态时间',
  '申报方式',
  '年度',
];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const NAMES = ['王建国', '阿依古丽·买买提', '李秀英', '艾力·吐尔逊', '张伟', '热依拉·阿不都'];
const COUNTIES = ['和田市', '和田县', '墨玉县', '皮山县', '洛浦县', '策勒县', '于田县', '民丰县'];

// A distinct, valid (GB 11643 check digit) ID number per row: births spread over 40 years.
function idNumber(i: number): string {
  const birth = new Date(Date.UTC(1965, 0, 1) + (i % 14_600) * 86_400_000);
  const sequence = String(Math.floor(i / 14_600) % 1000).padStart(3, '0');
  const body = `6532${String(i % 8).padStart(2, '0')}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`;
  const sum = ID_WEIGHTS.reduce((total, weight, k) => total + weight * Number(body[k]), 0);
  return body + ID_CHECK[sum % 11];
}

// A platform export of `rows` distinct, valid rows, as csv.
export function generateExportCsv(rows: number): Buffer {
  const lines = [HEADERS.join(',')];
  for (let i = 1; i <= rows; i += 1) {
    const minute = String(i % 60).padStart(2, '0');
    lines.push(
      [
        `BENCH-${i}`,
        NAMES[i % NAMES.length],
        idNumber(i),
        '和田地区人民医院',
        COUNTIES[i % COUNTIES.length],
        '卫生健康',
        '临床医学',
        '中级',
        '已接收材料',
        `2023-08-20 10:${minute}:00`,
        '地区定向评价',
        '2023',
      ].join(','),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

// A new, empty MySQL/MariaDB database next to the one `base` names (`<name>_<suffix>`, or the
// named one itself without a suffix); returns its URL.
export async function freshMysqlDatabase(base: string, suffix?: string): Promise<string> {
  const url = new URL(base);
  const database = suffix ? `${url.pathname.slice(1)}_${suffix}` : url.pathname.slice(1);
  const server = new URL(base);
  server.pathname = '/';
  const connection = await createConnection(server.toString());
  await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await connection.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
  url.pathname = `/${database}`;
  return url.toString();
}
