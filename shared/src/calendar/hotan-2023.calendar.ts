import { CALENDAR_EVENT_KIND, EVALUATION_ROUTE } from './calendar.type';
import type { CalendarYearDefinition } from './calendar.type';

// "X日之前" (before day X) is read strictly: the last full day is the day before X. Reading it
// as "by the end of X" could make an applicant one day late; reading it strictly never can.
const STRICT_BEFORE =
  '“之前”按严格理解：最后一天为前一日，截止为前一日 24:00（北京时间）。宁早一天，不晚一天。';

// R3: the 2023 prefecture-directed timeline, §三 of 和地职称办〔2023〕1号 (issued 2023-07-12).
export const HOTAN_2023_CALENDAR: CalendarYearDefinition = {
  year: 2023,
  route: EVALUATION_ROUTE.PREFECTURE_DIRECTED,
  region: '和田地区',
  title: '和田地区2023年度职称评审（地区“定向评价”）',
  noticeDocumentNumber: '和地职称办〔2023〕1号',
  events: [
    {
      kind: CALENDAR_EVENT_KIND.APPLICATION,
      title: '网上申报',
      startsOn: '2023-07-20',
      endsOn: '2023-08-30',
      section: '三(一)',
      wording:
        '2023年7月20日起……进行申报，申报截止时间为2023年8月30日，逾期未报或未在平台申报的不予认可。',
    },
    {
      kind: CALENDAR_EVENT_KIND.REVIEW,
      title: '材料审核',
      startsOn: '2023-08-10',
      endsOn: '2023-09-10',
      section: '三(二)',
      wording: '2023年8月10日—9月10日。',
    },
    {
      kind: CALENDAR_EVENT_KIND.PAPER_MATERIALS,
      title: '纸质评审材料报送',
      endsOn: '2023-09-29',
      section: '三(二)',
      wording: '纸质版评审材料接收截止时间2023年9月30日之前。',
      interpretation: STRICT_BEFORE,
    },
    {
      kind: CALENDAR_EVENT_KIND.FEE,
      title: '缴纳评审费',
      endsOn: '2023-09-29',
      section: '三(三)',
      wording: '截止时间为9月30日之前。',
      interpretation: STRICT_BEFORE,
    },
    {
      kind: CALENDAR_EVENT_KIND.EVALUATION_MEETINGS,
      title: '评审会及公示',
      startsOn: '2023-10-12',
      endsOn: '2023-11-10',
      section: '三(四)',
      wording:
        '2023年10月12日—11月10日召开各系列（专业）技术职务任职资格评审会。各（系列）专业评审会结束后，进行系统内公示，并由各用人单位同步在本单位对通过评审人员进行公示。',
    },
    {
      kind: CALENDAR_EVENT_KIND.JUNIOR_EVALUATIONS,
      title: '县市初级职称评审完成',
      endsOn: '2023-11-29',
      section: '三(四)',
      wording: '各县（市）初级职称申报、评审时间由各县市自行确定，在2023年11月30日前全部完成。',
      interpretation: `${STRICT_BEFORE}各县市的具体日期以县市通知为准。`,
    },
    {
      kind: CALENDAR_EVENT_KIND.QUALIFICATION_DOCUMENTS,
      title: '任职资格文件印发',
      endsOn: '2023-11-30',
      section: '三(五)',
      wording: '2023年11月底前。',
      interpretation: '“11月底前”按 11 月最后一日 24:00 计。',
    },
    {
      kind: CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES,
      title: '事后备案及电子证书签发',
      startsOn: '2023-12-01',
      endsOn: '2023-12-31',
      section: '三(六)',
      wording: '2023年12月。',
    },
  ],
};
