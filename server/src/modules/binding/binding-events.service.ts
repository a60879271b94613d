import { Injectable } from '@nestjs/common';

export interface ApplicationBound {
  applicantId: number;
  applicationId: number;
}

// Told, inside the write that made the binding, that an applicant now sees an application.
export interface ApplicationBoundListener {
  onApplicationBound(binding: ApplicationBound, now: Date): Promise<void>;
}

// Lets modules that depend on binding react to a new binding (the reminders fill the new
// owner's inbox with the alerts already planned) without binding depending on them.
@Injectable()
export class BindingEvents {
  private readonly listeners: ApplicationBoundListener[] = [];

  addListener(listener: ApplicationBoundListener): void {
    this.listeners.push(listener);
  }

  async bound(binding: ApplicationBound, now: Date): Promise<void> {
    for (const listener of this.listeners) await listener.onApplicationBound(binding, now);
  }
}
