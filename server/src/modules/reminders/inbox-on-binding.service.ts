import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';

import { BindingEvents } from '../binding/binding-events.service';
import type { ApplicationBound, ApplicationBoundListener } from '../binding/binding-events.service';
import { InboxMessageRepository } from './inbox-message.repository';

// Someone who has just bound an application finds the alerts already planned for it in their
// inbox at once, written with the binding (the inbox read itself never writes).
@Injectable()
export class InboxOnBindingService implements ApplicationBoundListener, OnModuleInit {
  constructor(
    private readonly bindingEvents: BindingEvents,
    private readonly inboxMessages: InboxMessageRepository,
  ) {}

  onModuleInit(): void {
    this.bindingEvents.addListener(this);
  }

  async onApplicationBound({ applicationId }: ApplicationBound, now: Date): Promise<void> {
    await this.inboxMessages.createForApplications([applicationId], now);
  }
}
