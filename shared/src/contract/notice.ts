export interface NoticeSummary {
  id: string;
  // The document number, e.g. 和地职称办〔2023〕1号.
  documentNumber: string;
  title: string;
  issuer: string;
  publishedOn: string; // YYYY-MM-DD (Beijing date)
  year: number;
}

export interface NoticeDetail extends NoticeSummary {
  // Markdown, verbatim from the official text.
  body: string;
}

export interface NoticeListResponse {
  items: NoticeSummary[];
}
