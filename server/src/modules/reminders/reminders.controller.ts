import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { API_ROUTES, STAFF_ROLE } from '@titletrack/shared/contract';
import type {
  ApplicantPrincipal,
  InboxMessage,
  InboxPageResponse,
  MarkAllReadResponse,
  StaffPrincipal,
  SubscriptionStatusResponse,
  SubscriptionTemplatesResponse,
  UnreadCountResponse,
} from '@titletrack/shared/contract';
import type { StaffApplicationAlerts, StaffReminderSummary } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { ApplicantOnly, CurrentPrincipal, StaffOnly } from '../auth/auth.decorator';
import { ApplicationParamsDto } from '../binding/binding.dto';
import { InboxService } from './inbox.service';
import { InboxMessageParamsDto, InboxPageQueryDto, ReportSubscriptionsDto } from './reminders.dto';
import { StaffRemindersService } from './staff-reminders.service';
import { SubscriptionService } from './subscription.service';

@ApiTags('inbox')
@ApplicantOnly()
@Controller()
export class InboxController {
  constructor(private readonly inboxService: InboxService) {}

  @Get(API_ROUTES.myInbox)
  @ApiOkResponse({
    description: 'InboxPageResponse: my alerts, newest first, with their push state',
  })
  getMyInbox(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Query() query: InboxPageQueryDto,
  ): Promise<InboxPageResponse> {
    return this.inboxService.getPage(Number(applicant.id), query.page ?? 1, query.pageSize ?? 20);
  }

  @Get(API_ROUTES.myInboxUnreadCount)
  @ApiOkResponse({ description: 'UnreadCountResponse' })
  getMyUnreadCount(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
  ): Promise<UnreadCountResponse> {
    return this.inboxService.getUnreadCount(Number(applicant.id));
  }

  @Post(API_ROUTES.myInboxReadAll)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'MarkAllReadResponse' })
  markAllMyMessagesRead(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
  ): Promise<MarkAllReadResponse> {
    return this.inboxService.markAllRead(Number(applicant.id));
  }

  @Post(`${API_ROUTES.myInbox}/:id/read`)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'The InboxMessage, read (reading twice keeps the first time)' })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'NOT_FOUND (also for another applicant’s message)',
  })
  markMyMessageRead(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Param() { id }: InboxMessageParamsDto,
  ): Promise<InboxMessage> {
    return this.inboxService.markRead(Number(applicant.id), id);
  }
}

@ApiTags('subscriptions')
@Controller()
export class SubscriptionController {
  constructor(private readonly subscriptionService: SubscriptionService) {}

  // Public: the template ids are no secret, and the app may ask before sign-in.
  @Get(API_ROUTES.subscriptionTemplates)
  @ApiOkResponse({
    description: 'SubscriptionTemplatesResponse: one template id per alert kind that has one',
  })
  getSubscriptionTemplates(): SubscriptionTemplatesResponse {
    return this.subscriptionService.getTemplates();
  }

  @Post(API_ROUTES.mySubscriptions)
  @ApplicantOnly()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description:
      'SubscriptionStatusResponse after the report: each accept is one credit; 20004 remembers the main switch is off',
  })
  reportMySubscriptions(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
    @Body() request: ReportSubscriptionsDto,
  ): Promise<SubscriptionStatusResponse> {
    return this.subscriptionService.report(Number(applicant.id), request);
  }

  @Get(API_ROUTES.mySubscriptions)
  @ApplicantOnly()
  @ApiOkResponse({ description: 'SubscriptionStatusResponse' })
  getMySubscriptions(
    @CurrentPrincipal() applicant: ApplicantPrincipal,
  ): Promise<SubscriptionStatusResponse> {
    return this.subscriptionService.getStatus(Number(applicant.id));
  }
}

@ApiTags('staff')
@StaffOnly(STAFF_ROLE.PREFECTURE_OFFICE, STAFF_ROLE.COUNTY_HR_BUREAU, STAFF_ROLE.SERIES_AUTHORITY)
@Controller()
export class StaffRemindersController {
  constructor(private readonly staffRemindersService: StaffRemindersService) {}

  @Get('/staff/reminders')
  @ApiOkResponse({
    description:
      'Pushes per state, and the rows staff must look at (outcome unknown, failed), of my scope',
  })
  getReminderSummary(@CurrentPrincipal() staff: StaffPrincipal): Promise<StaffReminderSummary> {
    return this.staffRemindersService.getSummary(staff);
  }

  @Get(`${API_ROUTES.staffApplications}/:id/alerts`)
  @ApiOkResponse({
    description: 'Per alert kind: planned, pushed, read, failed… and every alert with its messages',
  })
  @ApiNotFoundResponse({
    type: ErrorBodyDto,
    description: 'APPLICATION_NOT_FOUND (also for one outside my scope)',
  })
  getApplicationAlerts(
    @CurrentPrincipal() staff: StaffPrincipal,
    @Param() { id }: ApplicationParamsDto,
  ): Promise<StaffApplicationAlerts> {
    return this.staffRemindersService.getApplicationAlerts(staff, Number(id));
  }
}
