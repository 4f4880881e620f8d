import { Heading1 } from '@utrecht/component-library-react';

export function ImportPage() {
  return <Heading1>ImportPage</Heading1>;
}
