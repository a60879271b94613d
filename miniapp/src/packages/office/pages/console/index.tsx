import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { pressable } from '../../../../components/a11y';
import { PrivacySheet } from '../../../../components/privacy-sheet';
import { useOfficeStaff } from '../../../../hooks/use-office-session';
import { sectionsFor } from '../../../../services/office-access';
import type { OfficeSection } from '../../../../services/office-access';
import { signOutStaff } from '../../../../services/office-api';
import { OFFICE_DIRECTION } from '../../components/office-ui';
import { OFFICE_ROUTES } from '../../office-routes';
import { OFFICE_TEXT } from '../../office-text';
import { ApplicationsSection } from '../../sections/applications-section';
import { CalendarSection } from '../../sections/calendar-section';
import { CertificatesSection } from '../../sections/certificates-section';
import { FeedbackSection } from '../../sections/feedback-section';
import { ImportsSection } from '../../sections/imports-section';
import { NoticesSection } from '../../sections/notices-section';
import { RemindersSection } from '../../sections/reminders-section';
import { StaffSection } from '../../sections/staff-section';
import '../../office.scss';

// The office console: a left navigation on a wide screen, a scrolling tab row on a phone, and
// the chosen section beside or below it. Only the sections the staff member's role may use show.
export default function OfficeConsolePage(): JSX.Element | null {
  const staff = useOfficeStaff();
  const router = useRouter();
  const sections = staff ? sectionsFor(staff.role) : [];
  const asked = router.params.section as OfficeSection | undefined;
  const [section, setSection] = useState<OfficeSection | null>(null);
  const current = section ?? (asked && sections.includes(asked) ? asked : sections[0]) ?? null;

  useEffect(() => {
    if (!staff) void Taro.redirectTo({ url: OFFICE_ROUTES.signIn });
  }, [staff]);

  if (!staff || !current) return null;
  return (
    <View id="office-console" className="tt-office tt-office-layout" {...OFFICE_DIRECTION}>
      <View className="tt-office-layout__nav">
        <View className="tt-office-layout__brand">{OFFICE_TEXT.appName}</View>
        <View className="tt-office-layout__who">
          {staff.displayName} · {OFFICE_TEXT.roles[staff.role]}
        </View>
        <View
          className="tt-office-layout__links"
          role="navigation"
          aria-label={OFFICE_TEXT.appName}
        >
          {sections.map((item) => (
            <View
              key={item}
              id={`office-nav-${item}`}
              className={`tt-office-layout__link${item === current ? ' tt-office-layout__link--current' : ''}`}
              {...(item === current ? { 'aria-current': 'page' } : {})}
              {...pressable('link', () => setSection(item))}
            >
              {OFFICE_TEXT.nav[item]}
            </View>
          ))}
        </View>
        <View
          id="office-sign-out"
          className="tt-office-layout__sign-out"
          {...pressable('button', () => void signOutStaff())}
        >
          {OFFICE_TEXT.signOut}
        </View>
      </View>
      <View className="tt-office-layout__main">
        {current === 'notices' ? <NoticesSection staff={staff} /> : null}
        {current === 'calendar' ? <CalendarSection staff={staff} /> : null}
        {current === 'imports' ? <ImportsSection /> : null}
        {current === 'applications' ? <ApplicationsSection /> : null}
        {current === 'reminders' ? <RemindersSection /> : null}
        {current === 'certificates' ? <CertificatesSection /> : null}
        {current === 'staff' ? <StaffSection staff={staff} /> : null}
        {current === 'feedback' ? <FeedbackSection /> : null}
      </View>
      {/* Picking a file to import is a privacy-scoped call on weapp: WeChat asks consent here. */}
      <PrivacySheet />
    </View>
  );
}
