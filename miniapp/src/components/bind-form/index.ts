export { BindForm } from './bind-form';
export type { BindFormProps } from './bind-form';
