import { Injectable } from '@nestjs/common';
import type { Repository } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { StaffUserEntity } from './staff-user.entity';

@Injectable()
export class StaffRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get staff(): Repository<StaffUserEntity> {
    return this.unitOfWork.repository(StaffUserEntity);
  }

  getById(id: number): Promise<StaffUserEntity | null> {
    return this.staff.findOneBy({ id });
  }

  getByUsername(username: string): Promise<StaffUserEntity | null> {
    return this.staff.findOneBy({ username });
  }

  getAll(): Promise<StaffUserEntity[]> {
    return this.staff.find({ order: { id: 'ASC' } });
  }

  async hasAny(): Promise<boolean> {
    return (await this.staff.count()) > 0;
  }

  // Several instances may bootstrap at once: the unique username lets one insert win.
  async createIfUsernameFree(
    user: Pick<StaffUserEntity, 'username' | 'displayName' | 'role' | 'passwordHash'> &
      Partial<Pick<StaffUserEntity, 'regionCode' | 'county' | 'series'>>,
  ): Promise<void> {
    await this.unitOfWork.write(() =>
      this.staff.createQueryBuilder().insert().values(user).orIgnore().execute(),
    );
  }

  // Null when the username is taken (the unique index decides, also between instances).
  async create(
    user: Pick<
      StaffUserEntity,
      'username' | 'displayName' | 'role' | 'passwordHash' | 'regionCode' | 'county' | 'series'
    >,
  ): Promise<StaffUserEntity | null> {
    return this.unitOfWork.write(async () => {
      await this.createIfUsernameFree(user);
      const created = await this.staff.findOneBy({ username: user.username });
      return created && created.passwordHash === user.passwordHash ? created : null;
    });
  }
}
