export interface RoundRegionChoice {
  code: string;
  name: string;
}
