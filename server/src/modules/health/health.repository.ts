import { Injectable } from '@nestjs/common';

import { UnitOfWork } from '../../database/unit-of-work';

@Injectable()
export class HealthRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async isReachable(): Promise<boolean> {
    try {
      await this.unitOfWork.manager.query('SELECT 1');
      return true;
    } catch {
      // An unreachable database is the answer here, not an error: health reports it.
      return false;
    }
  }
}
