import { Heading1 } from '@utrecht/component-library-react';

export function AccountsPage() {
  return <Heading1>AccountsPage</Heading1>;
}
