export { ApplicantGate } from './applicant-gate';
export type { ApplicantGateProps } from './applicant-gate';
