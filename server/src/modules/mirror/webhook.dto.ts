import { z } from 'zod';

import { EMPLOYER_KIND } from '@titletrack/shared/domain';

// A status event pushed by the platform. The application's fields are the export's, in the
// API's own words (wire values), so both sources reach the mirror identically.
export const platformEventSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
    type: z.literal('application.status_changed'),
    occurredAt: z.iso.datetime({ offset: true }),
    data: z
      .object({
        applicationNo: z.string().regex(/^[A-Za-z0-9-]{4,64}$/),
        applicantName: z.string().min(1).max(100),
        idCardNumber: z.string().min(15).max(25),
        employer: z.string().max(200).nullable().optional(),
        county: z.string().max(50).nullable().optional(),
        series: z.string().min(1).max(64),
        specialty: z.string().min(1).max(100),
        level: z.string().min(1).max(32),
        route: z.string().min(1).max(32),
        // Absent: the year of the region's published notice whose application window holds
        // statusChangedAt.
        year: z.number().int().min(2000).max(2100).optional(),
        // The prefecture (GB/T 2260); absent: PLATFORM_REGION_CODE.
        regionCode: z
          .string()
          .regex(/^\d{2,12}$/)
          .optional(),
        status: z.string().min(1).max(40),
        statusChangedAt: z.iso.datetime({ offset: true }),
        submissionCount: z.number().int().min(0).max(10).nullable().optional(),
        isFeePaid: z.boolean().nullable().optional(),
        // The platform's 退回意见, shown to the applicant while the application is returned.
        returnReason: z.string().max(2000).nullable().optional(),
        // Facts the rules read (R11, R13); absent or null: the platform did not say.
        employerKind: z.enum(Object.values(EMPLOYER_KIND)).nullable().optional(),
        isFirstApplication: z.boolean().nullable().optional(),
        defenceScheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
        certificate: z
          .object({
            certificateNo: z.string().regex(/^[A-Za-z0-9-]{4,64}$/),
            issuedOn: z.iso.date(),
            issuingCommittee: z.string().min(1).max(100),
            qualificationDocumentNo: z.string().min(1).max(100).nullable().optional(),
            qualificationDocumentDate: z.iso.date().nullable().optional(),
            state: z.enum(['valid', 'revoked']).default('valid'),
            revokedReason: z.string().min(1).max(200).nullable().optional(),
          })
          .strict()
          .nullable()
          .optional(),
      })
      .strict(),
  })
  .strict();

export type PlatformEvent = z.infer<typeof platformEventSchema>;
