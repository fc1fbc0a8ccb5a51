/** The expiry choices Discord offers, in seconds (0: never). */
export const EXPIRY_OPTIONS = [
  { value: '1800', label: '30 minutes' },
  { value: '3600', label: '1 hour' },
  { value: '21600', label: '6 hours' },
  { value: '43200', label: '12 hours' },
  { value: '86400', label: '1 day' },
  { value: '604800', label: '7 days' },
  { value: '0', label: 'Never' },
] as const;

export const MAX_USES_OPTIONS = [
  { value: '0', label: 'No limit' },
  { value: '1', label: '1 use' },
  { value: '5', label: '5 uses' },
  { value: '10', label: '10 uses' },
  { value: '25', label: '25 uses' },
  { value: '50', label: '50 uses' },
  { value: '100', label: '100 uses' },
] as const;

export type ExpiryValue = (typeof EXPIRY_OPTIONS)[number]['value'];
export type MaxUsesValue = (typeof MAX_USES_OPTIONS)[number]['value'];
