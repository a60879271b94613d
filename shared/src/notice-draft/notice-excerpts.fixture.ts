// Date sentences from real notices, quoted short, each with the page it was read from. They
// keep the parser honest about wordings the Hotan 2023 notice does not use.
export interface NoticeExcerpt {
  source: string; // the page the sentence was read from
  notice: string; // which notice, in a few words
  text: string;
}

export const KS_PREFECTURE_2025_APPLICATION: NoticeExcerpt = {
  source: 'https://ks.xjzcsq.com/tzgg/show-24232.html',
  // The page is the ks. site of the region platform; the notice speaks of "自治州" only.
  notice: '自治州2025年度职称评审工作的通知（三、时间安排）',
  text: '三、时间安排\n个人网上申报(纸质材料)提交时间:2025年10月11日10:00至11月4日18:00止。',
};

export const HOTAN_2023_SEED_PATH = '../../../server/src/database/seed/hotan-2023-notice.md';
