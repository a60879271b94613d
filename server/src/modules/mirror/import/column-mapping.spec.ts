import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import {
  APPLICATION_STATUS,
  APPLICATION_STATUS_LABEL,
  TITLE_LEVEL,
  TITLE_LEVEL_LABEL,
  TITLE_SERIES,
  TITLE_SERIES_LABEL,
} from '@titletrack/shared/domain';

import {
  IMPORT_COLUMNS,
  parseRegion,
  missingColumns,
  parseEmployerKind,
  parseFeePaid,
  parseRoute,
  parseStatus,
  parseTitleLevel,
  parseTitleSeries,
  parseYesNo,
  resolveColumns,
} from './column-mapping';
import { EXPORT_HEADERS } from './export.fixture';

const REQUIRED_HEADERS = [
  '申报编号',
  '姓名',
  '身份证号',
  '系列',
  '专业',
  '级别',
  '状态',
  '状态时间',
];

describe('IMPORT_COLUMNS', () => {
  it('documents the eight required and eighteen optional columns (seven of them the e-certificate, four what the platform says beyond the status)', () => {
    const required = IMPORT_COLUMNS.filter((column) => column.isRequired);
    const optional = IMPORT_COLUMNS.filter((column) => !column.isRequired);

    expect(required.map((column) => column.header)).toEqual(REQUIRED_HEADERS);
    expect(optional.map((column) => column.field)).toEqual([
      'employer',
      'county',
      'year',
      'region',
      'route',
      'submissionCount',
      'feePaid',
      'certificateNo',
      'certificateIssuedOn',
      'issuingCommittee',
      'qualificationDocumentNo',
      'qualificationDocumentDate',
      'certificateState',
      'certificateRevokedReason',
      'returnReason',
      'employerKind',
      'isFirstApplication',
      'defenceScheduledAt',
    ]);
  });

  it('never uses one name for two columns', () => {
    const names = IMPORT_COLUMNS.flatMap((column) => [column.header, ...column.synonyms]);

    expect(new Set(names).size).toBe(names.length);
  });
});

describe('missingColumns', () => {
  it('finds nothing missing in a full export', () => {
    expect(missingColumns(EXPORT_HEADERS)).toEqual([]);
  });

  it('needs only the required columns', () => {
    expect(missingColumns(REQUIRED_HEADERS)).toEqual([]);
  });

  it('names each missing required column by its documented header', () => {
    expect(missingColumns(['姓名', '系列', '单位'])).toEqual([
      '申报编号',
      '身份证号',
      '专业',
      '级别',
      '状态',
      '状态时间',
    ]);
  });

  it('accepts synonyms and headers with stray whitespace', () => {
    const headers = [
      '申报编号',
      '姓名',
      '身份证号码',
      '系列',
      '专业',
      '级别',
      '状态',
      '状态　时间',
    ];

    expect(missingColumns(headers)).toEqual([]);
  });
});

describe('resolveColumns', () => {
  it('maps each field to the header as written in the file', () => {
    const { byField } = resolveColumns([...REQUIRED_HEADERS.slice(0, 2), '身份证号码', '工作单位']);

    expect(byField).toEqual({
      applicationNo: '申报编号',
      applicantName: '姓名',
      idCardNumber: '身份证号码',
      employer: '工作单位',
    });
  });

  it('reports a column present under two names', () => {
    expect(resolveColumns([...REQUIRED_HEADERS, '身份证号码']).ambiguous).toEqual(['身份证号']);
  });

  it('reports a column present twice once whitespace is ignored', () => {
    expect(resolveColumns([...REQUIRED_HEADERS, '状态 时间']).ambiguous).toEqual(['状态时间']);
  });
});

describe('parseRegion', () => {
  it('reads a prefecture by code, by name, or by name without its suffix', () => {
    expect(parseRegion('6532')).toBe('6532');
    expect(parseRegion(' 和田地区 ')).toBe('6532');
    expect(parseRegion('和田')).toBe('6532');
    expect(parseRegion('克孜勒苏柯尔克孜自治州')).toBe('6530');
    expect(parseRegion('乌鲁木齐')).toBe('6501');
  });

  it('refuses what names no region', () => {
    expect(parseRegion('9999')).toBeNull();
    expect(parseRegion('火星')).toBeNull();
    expect(parseRegion('')).toBeNull();
    expect(parseRegion('地区')).toBeNull();
  });
});

describe('parseStatus', () => {
  it.each(Object.entries(APPLICATION_STATUS_LABEL))('reads the label of %s', (status, label) => {
    expect(parseStatus(label)).toBe(status);
  });

  it('reads the wire value itself', () => {
    expect(parseStatus('materials_received')).toBe(APPLICATION_STATUS.MATERIALS_RECEIVED);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseStatus(' 已接收材料 ')).toBe(APPLICATION_STATUS.MATERIALS_RECEIVED);
  });

  it('returns null for an unknown status', () => {
    expect(parseStatus('审核中')).toBeNull();
  });
});

describe('parseTitleLevel', () => {
  it.each(Object.entries(TITLE_LEVEL_LABEL))('reads the label of %s', (level, label) => {
    expect(parseTitleLevel(label)).toBe(level);
  });

  it('reads the wire value and refuses an ambiguous tier name', () => {
    expect(parseTitleLevel('intermediate')).toBe(TITLE_LEVEL.INTERMEDIATE);
    expect(parseTitleLevel('高级')).toBeNull();
  });
});

describe('parseTitleSeries', () => {
  it.each(Object.entries(TITLE_SERIES_LABEL))('reads the label of %s', (series, label) => {
    expect(parseTitleSeries(label)).toBe(series);
  });

  it('reads a label with the 系列 suffix and the wire value', () => {
    expect(parseTitleSeries('工程技术系列')).toBe(TITLE_SERIES.ENGINEERING);
    expect(parseTitleSeries('engineering')).toBe(TITLE_SERIES.ENGINEERING);
  });

  it('returns null for an unknown series', () => {
    expect(parseTitleSeries('航天')).toBeNull();
  });
});

describe('parseRoute', () => {
  it('reads both routes by label and by wire value', () => {
    expect(parseRoute('地区定向评价')).toBe(EVALUATION_ROUTE.PREFECTURE_DIRECTED);
    expect(parseRoute('推荐自治区评审')).toBe(EVALUATION_ROUTE.REGION);
    expect(parseRoute('region')).toBe(EVALUATION_ROUTE.REGION);
    expect(parseRoute('自治区')).toBeNull();
  });
});

describe('parseFeePaid', () => {
  it('reads 已缴费 and 未缴费 only', () => {
    expect(parseFeePaid('已缴费')).toBe(true);
    expect(parseFeePaid('未缴费')).toBe(false);
    expect(parseFeePaid('是')).toBeNull();
  });
});

describe('resolveColumns for the return reason', () => {
  it.each(['退回意见', '退回原因', '审核意见'])('reads %s as the return reason', (header) => {
    expect(resolveColumns([header]).byField.returnReason).toBe(header);
  });

  it('refuses two names for the return reason as ambiguous', () => {
    expect(resolveColumns(['退回意见', '审核意见']).ambiguous).toEqual(['退回意见']);
  });
});

describe('parseEmployerKind', () => {
  it('reads the three kinds by the platform’s words and by wire value', () => {
    expect(parseEmployerKind('事业单位')).toBe('public_institution');
    expect(parseEmployerKind(' 国有企业 ')).toBe('state_enterprise');
    expect(parseEmployerKind('民营企业')).toBe('private_enterprise');
    expect(parseEmployerKind('private_enterprise')).toBe('private_enterprise');
    expect(parseEmployerKind('个体户')).toBeNull();
  });
});

describe('parseYesNo', () => {
  it('reads 是 and 否 only', () => {
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('否')).toBe(false);
    expect(parseYesNo('已缴费')).toBeNull();
  });
});
