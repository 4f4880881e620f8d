// axe-core (WCAG 2.2 AA) and reflow on every route at 320 px wide; see accessibility.ts.
import { accessibilitySuite } from './accessibility.ts';
import { NARROW } from './harness.ts';

accessibilitySuite(NARROW);
