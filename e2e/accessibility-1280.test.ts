// axe-core (WCAG 2.2 AA) on every route at 1280 px wide; see accessibility.ts.
import { accessibilitySuite } from './accessibility.ts';
import { WIDE } from './harness.ts';

accessibilitySuite(WIDE);
