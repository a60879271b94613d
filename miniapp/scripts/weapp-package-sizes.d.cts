export interface WeappPackage {
  bytes: number;
  /** Paths relative to the weapp build, with forward slashes. */
  files: string[];
}

/** `main` and one entry per subpackage root (`packages/applicant`, …). */
export function weappPackageSizes(
  weappDir: string,
): { main: WeappPackage } & Record<string, WeappPackage>;
