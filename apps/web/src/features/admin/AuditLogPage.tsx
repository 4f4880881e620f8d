import { Heading1 } from '@utrecht/component-library-react';

export function AuditLogPage() {
  return <Heading1>AuditLogPage</Heading1>;
}
