import { z } from 'zod';

/** A default option value: as on the command line (a string, number, boolean, or a list). */
const optionValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

const acceptEntry = z
  .strictObject({
    fingerprint: z.string().regex(/^[0-9a-f]{12}$/, 'a fingerprint: 12 hex digits, as iamdiff prints it'),
    rule: z.string().min(1),
    kind: z.string().min(1),
    service: z.string().min(1),
    action: z.string().min(1),
    reason: z.string().min(1, 'say why the change is accepted'),
    expires: day,
  })
  .partial()
  .refine((e) => e.reason !== undefined, { message: 'reason is required: say why the change is accepted' })
  .refine((e) => e.fingerprint !== undefined || e.rule !== undefined || e.kind !== undefined || e.service !== undefined || e.action !== undefined, {
    message: 'name what is accepted: fingerprint, or any of rule, kind, service, action',
  });

/** The shape of `.iamdiff.yaml` (names are checked apart, with close-name hints). */
export const configSchema = z
  .strictObject({
    defaults: z.record(z.string(), z.union([optionValue, z.record(z.string(), optionValue)])).nullable(),
    rules: z.record(z.string(), z.enum(['high', 'medium', 'low', 'none'])).nullable(),
    accept: z.array(acceptEntry).nullable(),
  })
  .partial();

export type ConfigShape = z.infer<typeof configSchema>;
