import { Injectable } from '@nestjs/common';

import { insertIgnore } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';

// The one owner of `reminder_cursor`: how far a reader (the planner) has read an ordered log.
@Injectable()
export class ReminderCursorRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async getPosition(name: string): Promise<number> {
    const rows: Array<{ position: number }> = await this.unitOfWork.manager.query(
      'SELECT position FROM reminder_cursor WHERE name = ?',
      [name],
    );
    return rows.length === 0 ? 0 : Number(rows[0]?.position);
  }

  // Only ever forward: a slower instance that read less never moves the cursor back.
  async advance(name: string, position: number): Promise<void> {
    await this.unitOfWork.write(async (manager) => {
      await this.unitOfWork.affected(
        `${insertIgnore(manager)} reminder_cursor (name, position) VALUES (?, 0)`,
        [name],
      );
      await this.unitOfWork.affected(
        'UPDATE reminder_cursor SET position = ? WHERE name = ? AND position < ?',
        [position, name, position],
      );
    });
  }
}
