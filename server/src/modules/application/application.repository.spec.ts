import type { DataSource } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicantEntity } from '../applicant/applicant.entity';
import { ApplicationBindingEntity } from '../binding/application-binding.entity';
import { ApplicationEntity } from './application.entity';
import { ApplicationRepository } from './application.repository';
import {
  openMigratedDataSource,
  storedApplicationFields,
} from '../../../test/support/migrated-data-source';

// Against the real database of the pass, migrated by the real migrations.
describe(ApplicationRepository.name, () => {
  const run = `app-repo-${Date.now().toString(36)}`;
  let dataSource: DataSource;
  let sut: ApplicationRepository;
  let owner: number;
  let stranger: number;
  let applicationId: number;

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    sut = new ApplicationRepository(new UnitOfWork(dataSource));
    const applicants = dataSource.getRepository(ApplicantEntity);
    owner = (await applicants.save({ openId: `${run}-owner`, unionId: null })).id;
    stranger = (await applicants.save({ openId: `${run}-stranger`, unionId: null })).id;
    const applications = dataSource.getRepository(ApplicationEntity);
    applicationId = (
      await applications.save(
        applications.create(
          storedApplicationFields(run, {
            applicantName: '测试',
            idCardBlindIndex: 'cd'.repeat(32),
          }),
        ),
      )
    ).id;
    await dataSource
      .getRepository(ApplicationBindingEntity)
      .insert({ applicantId: owner, applicationId });
  });

  afterAll(async () => {
    await dataSource.getRepository(ApplicationEntity).delete({ id: applicationId });
    await dataSource.getRepository(ApplicantEntity).delete([owner, stranger]);
    await dataSource.destroy();
  });

  describe('getBoundTo', () => {
    it('answers the application, as getById does, to the applicant bound to it', async () => {
      await expect(sut.getBoundTo(owner, applicationId)).resolves.toStrictEqual(
        await sut.getById(applicationId),
      );
    });

    it('answers null to another applicant', async () => {
      await expect(sut.getBoundTo(stranger, applicationId)).resolves.toBeNull();
    });

    it('answers null for an application that does not exist', async () => {
      await expect(sut.getBoundTo(owner, applicationId + 1_000_000)).resolves.toBeNull();
    });
  });
});
