import type { CoverageStatus } from '@pvi/contracts';

/** A status class for styling; the status is always written out as text too. */
export const statusClass = (status: CoverageStatus) => `pvi-status pvi-status--${status}`;
