export { AttachmentChecklist } from './attachment-checklist';
export type { AttachmentChecklistProps } from './attachment-checklist';
