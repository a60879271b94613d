import { GRASSROOTS_SERVICE, TITLE_LEVEL, TITLE_SERIES } from '../domain/application.type';
import { CALENDAR_EVENT_KIND } from './calendar.type';
import { HOTAN_2023_CALENDAR } from './hotan-2023.calendar';
import { REVISION_WINDOW_UNIT, SKILL_CERTIFICATE } from './notice-rules.type';
import type { NoticeRules, NoticeYear } from './notice-rules.type';

const { FULL_SENIOR, DEPUTY_SENIOR, INTERMEDIATE, ASSISTANT, TECHNICIAN } = TITLE_LEVEL;

// The parameters of 和地职称办〔2023〕1号 beside its calendar (HOTAN_2023_CALENDAR).
export const HOTAN_2023_RULES: NoticeRules = {
  year: 2023,
  noticeDocumentNumber: '和地职称办〔2023〕1号',
  // §三(一): the prefecture-directed route applies in Hotan's own system; the notice also names
  // the autonomous region's platform, which is the 推荐自治区评审 route's.
  platformUrl: 'http://ht.xjzcsq.com',
  sections: {
    R1: '一',
    R2: '二',
    R3: '三',
    R4: '四(一)1',
    R5: '四(一)2',
    R6: '四(一)3',
    R7: '四(一)4',
    R8: '四(一)5',
    R9: '四(二)',
    R10: '四(三)',
    R11: '四(四)',
    R12: '四(五)',
    R13: '四(六)',
    R14: '四(七)',
    R15: '四(八)',
    R16: '四(九)',
    R17: '四(十)',
    R18: '四(十一)',
    R19: '附件3',
    R20: '五',
  },
  scope: {
    // Not listed by the notice: the national exam-instead-of-evaluation series and levels.
    examReplaced: [
      { series: TITLE_SERIES.ACCOUNTING, levels: [TECHNICIAN, ASSISTANT, INTERMEDIATE] },
      { series: TITLE_SERIES.ECONOMICS, levels: [TECHNICIAN, ASSISTANT, INTERMEDIATE] },
      { series: TITLE_SERIES.AUDIT, levels: [TECHNICIAN, ASSISTANT, INTERMEDIATE] },
      { series: TITLE_SERIES.STATISTICS, levels: [TECHNICIAN, ASSISTANT, INTERMEDIATE] },
      {
        series: TITLE_SERIES.COMPUTER_SOFTWARE,
        levels: [TECHNICIAN, ASSISTANT, INTERMEDIATE, DEPUTY_SENIOR],
      },
      { series: TITLE_SERIES.TRANSLATION, levels: [ASSISTANT, INTERMEDIATE] },
      { series: TITLE_SERIES.PUBLISHING, levels: [TECHNICIAN, ASSISTANT, INTERMEDIATE] },
      { series: TITLE_SERIES.SOCIAL_WORK, levels: [ASSISTANT, INTERMEDIATE] },
    ],
    interpretation:
      '通知只写“国家以考代评的专业除外”，未列举。此表按全国以考代评（以考试取得）的系列与级别整理，仅作初筛提示；卫生系列初、中级因南疆基层“定向评价”政策未列入。最终以职称办意见为准。',
  },
  revision: {
    windowUnit: REVISION_WINDOW_UNIT.HOURS,
    windowAmount: 48,
    maxSubmissions: 3,
    capEvent: CALENDAR_EVENT_KIND.REVIEW,
    interpretation:
      '“退回后2日内”按退回时刻起48小时计，且不晚于审核截止（9月10日24:00）。按民法典第二百零一条（开始当日不计入）截止为退回后第2日24:00，总是不早于48小时；告知较早者，申报人按时提交在任一理解下都不会逾期。',
  },
  publicity: {
    minWorkingDays: 5,
    startDayCounts: true,
    interpretation:
      '“不少于5个工作日”按公示模板“从××日起至××日止”两端计入：起止日期之间（含首尾）的法定工作日不少于5天。工作日以国务院放假安排为准，节假日不计，调休上班日计入。',
  },
  filing: {
    preWorkFilingBy: '2023-07-19',
    preMeetingMinDaysBefore: 3,
    preMeetingMaxDaysBefore: 5,
    postFilingWithinDays: 5,
    interpretation:
      '“天”按自然日计。会前备案：会议日前第5日至前第3日（含）完成。事后备案：文件印发当日不计，自次日起算5日，第5日24:00截止。事前备案“7月20日前”按严格理解为7月19日24:00。',
  },
  fee: {
    amountsCny: { senior: 450, intermediate: 280, primary: 140 },
    deadlineEvent: CALENDAR_EVENT_KIND.FEE,
    interpretation:
      '显示“已接收材料”后方可缴费，截止按日历“9月30日之前”（9月29日24:00）。正高、副高按高级收费，助理级、员级按初级收费。',
  },
  paperMaterials: {
    deadlineEvent: CALENDAR_EVENT_KIND.PAPER_MATERIALS,
  },
  attachments: {
    wageFileSeries: [
      TITLE_SERIES.TECHNICAL_SCHOOL_TEACHERS,
      TITLE_SERIES.EDUCATION,
      TITLE_SERIES.SECONDARY_VOCATIONAL_TEACHERS,
      TITLE_SERIES.HEALTH,
    ],
  },
  continuingEducation: {
    minHoursPerYear: 90,
    minProfessionalHours: 60,
    countingYears: [2021, 2022, 2023],
    systemProfessionalFromYear: 2021,
    systemPublicFromYear: 2022,
    privateFirstTimeExempt: true,
    privateRecentYears: 2,
    interpretation:
      '每年合计不少于90学时且其中专业科目不少于60学时（公需科目为其余学时）。近三年为2021、2022、2023年。首次申报的民营企业人员不作要求；其他民营企业人员只计上一年度（2022）和当年（2023）。',
  },
  defence: {
    requiredLevels: [FULL_SENIOR, DEPUTY_SENIOR, INTERMEDIATE],
    exemptServices: [
      GRASSROOTS_SERVICE.FANG_HUI_JU,
      GRASSROOTS_SERVICE.VILLAGE_MOSQUE_MANAGEMENT,
      GRASSROOTS_SERVICE.SOUTH_XINJIANG_PRESCHOOL_TEACHING,
      GRASSROOTS_SERVICE.INLAND_SERVICE_MANAGEMENT,
    ],
    interpretation:
      '免答辩仅限服务当年（申报年度）；“也可免于”理解为可选：免答辩者可以选择参加。免答辩者按当年该专业参加答辩人员的平均分赋分；当年该专业无人答辩时无法计算，由评委会确定。',
  },
  fastTrack: {
    consecutiveYears: 3,
    qualifyingServices: [
      GRASSROOTS_SERVICE.FANG_HUI_JU,
      GRASSROOTS_SERVICE.VILLAGE_MOSQUE_MANAGEMENT,
    ],
    interpretation:
      '“取得职称后连续三年”按取得职称的次年起算，三年须相连且每年考核优秀；“访惠聚驻村等基层服务”按驻村类服务（访惠聚驻村、驻村管寺）理解；直接认定现专业高一级，正高级无更高一级。',
  },
  skilledWorkerBridge: {
    steps: [
      { certificate: SKILL_CERTIFICATE.SENIOR_WORKER, minYears: 2, level: ASSISTANT },
      { certificate: SKILL_CERTIFICATE.TECHNICIAN, minYears: 3, level: INTERMEDIATE },
      { certificate: SKILL_CERTIFICATE.SENIOR_TECHNICIAN, minYears: 4, level: DEPUTY_SENIOR },
    ],
    series: [
      TITLE_SERIES.ENGINEERING,
      TITLE_SERIES.AGRICULTURE,
      TITLE_SERIES.ARTS_AND_CRAFTS,
      TITLE_SERIES.CULTURAL_RELICS,
      TITLE_SERIES.EXPERIMENTAL_TECHNOLOGY,
      TITLE_SERIES.ART,
      TITLE_SERIES.SPORTS,
      TITLE_SERIES.TECHNICAL_SCHOOL_TEACHERS,
    ],
    appraisalYears: 3,
    waivedConditions: ['学历', '论文', '外语', '计算机'],
  },
  falsificationBan: {
    years: 3,
    interpretation:
      '“从申报年度下一年度起3年内不得申报”：2023年度弄虚作假者2024、2025、2026年度不得申报，2027年度起可再申报。',
  },
  contacts: [
    { role: 'contact', name: '付永超', phone: '0903-2069736' },
    { role: 'supervision', name: null, phone: '0903-2069176' },
  ],
  // The notice gives phone numbers but no street address for the paper materials.
  officeAddress: null,
  attachmentTemplates: [
    '推荐单位公示（模板）',
    '单位推荐意见（模板）',
    '个人承诺书（模板）',
    '自治区“访惠聚”驻村等专业技术人员职称评审免除继续教育学习申请表',
  ],
  alerts: {
    applicationWindowLeadHours: 72,
    revisionLeadHours: 24,
    feeLeadHours: 72,
    paperMaterialsLeadHours: 72,
    defenceLeadHours: 24,
    meetingLeadHours: 72,
    publicityEndLeadHours: 24,
    statusAlertFreshForHours: 14 * 24,
  },
  urgency: {
    criticalWithinHours: 24,
    soonWithinHours: 72,
  },
};

// R3 + the rules: everything nextActions and alertsDue need for a 2023 prefecture application.
export const HOTAN_2023: NoticeYear = {
  calendar: HOTAN_2023_CALENDAR,
  rules: HOTAN_2023_RULES,
};
