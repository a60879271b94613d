import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';

import { FEEDBACK_CATEGORIES, FEEDBACK_LIMITS, FEEDBACK_STATES } from '@titletrack/shared/contract';
import type {
  CreateFeedbackRequest,
  FeedbackCategory,
  FeedbackState,
  MyFeedbackResponse,
  ReplyFeedbackRequest,
  StaffFeedbackDetail,
  StaffFeedbackListQuery,
  StaffFeedbackSummary,
} from '@titletrack/shared/contract';

import { PageQueryDto } from '../../common/page-query.dto';
import { ValidateId } from '../../common/validation';
import type { FeedbackEntity } from './feedback.entity';

// Shape only: whether the region exists is the service's question (REGION_UNKNOWN), and the
// lengths and characters of the texts are shared's (checkFeedbackText).
const REGION_CODE_SHAPE = /^\d{2,12}$/;

export class CreateFeedbackDto implements CreateFeedbackRequest {
  @ApiProperty({ example: '6532', description: 'The region whose title office it goes to' })
  @IsString()
  @Matches(REGION_CODE_SHAPE, { message: 'regionCode must be a region code' })
  regionCode: string;

  @ApiProperty({ enum: FEEDBACK_CATEGORIES, example: 'suggestion' })
  @IsIn(FEEDBACK_CATEGORIES)
  category: FeedbackCategory;

  @ApiProperty({
    example: '希望在通知里写明纸质材料的报送地点',
    description: `1..${FEEDBACK_LIMITS.textMaxLength} characters after trimming; no control or bidi characters`,
  })
  @IsString()
  text: string;

  @ApiPropertyOptional({
    nullable: true,
    example: '13800000000',
    description: `At most ${FEEDBACK_LIMITS.contactMaxLength} characters; personal data`,
  })
  @IsOptional()
  @IsString()
  contact?: string | null;
}

export class StaffFeedbackListQueryDto extends PageQueryDto implements StaffFeedbackListQuery {
  @ApiPropertyOptional({ enum: FEEDBACK_STATES })
  @IsOptional()
  @IsIn(FEEDBACK_STATES)
  state?: FeedbackState;
}

export class FeedbackParamsDto {
  @ValidateId()
  id: string;
}

export class ReplyFeedbackDto implements ReplyFeedbackRequest {
  @ApiProperty({
    example: '已转交评审科核实，纸质材料报送地点将在补充通知中写明。',
    description: `1..${FEEDBACK_LIMITS.replyMaxLength} characters after trimming`,
  })
  @IsString()
  reply: string;

  @ApiPropertyOptional({ default: false, description: 'Also mark the item handled' })
  @IsOptional()
  @IsBoolean()
  isHandled?: boolean;
}

const iso = (instant: Date | null): string | null =>
  instant === null ? null : instant.toISOString();

// Enough to recognise one's own contact, too little to use it: the first three and last two
// characters of a long one, the first and last of a short one; the masked run has a fixed
// width so it does not tell the length either.
export function maskContact(contact: string): string {
  const characters = [...contact];
  const n = characters.length;
  if (n <= 2) return '****';
  const [head, tail] = n >= 8 ? [3, 2] : [1, 1];
  return `${characters.slice(0, head).join('')}****${characters.slice(n - tail).join('')}`;
}

// `contact` is the opened contact (FieldCipher.decrypt), or null.
export function mapMyFeedback(item: FeedbackEntity, contact: string | null): MyFeedbackResponse {
  return {
    id: String(item.id),
    regionCode: item.regionCode,
    category: item.category as FeedbackCategory,
    text: item.text,
    contact,
    state: item.state as FeedbackState,
    reply: item.reply,
    repliedAt: iso(item.repliedAt),
    handledAt: iso(item.handledAt),
    createdAt: item.createdAt.toISOString(),
  };
}

export function mapStaffFeedbackSummary(
  item: FeedbackEntity,
  contact: string | null,
): StaffFeedbackSummary {
  return {
    id: String(item.id),
    regionCode: item.regionCode,
    category: item.category as FeedbackCategory,
    text: item.text,
    contactMasked: contact === null ? null : maskContact(contact),
    state: item.state as FeedbackState,
    createdAt: item.createdAt.toISOString(),
    repliedAt: iso(item.repliedAt),
    handledAt: iso(item.handledAt),
  };
}

export function mapStaffFeedbackDetail(
  item: FeedbackEntity,
  contact: string | null,
): StaffFeedbackDetail {
  return { ...mapStaffFeedbackSummary(item, contact), contact, reply: item.reply };
}
