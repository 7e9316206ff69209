// Schemas of the answers that describe where issues live: organizations, projects, releases, members, code mappings.
import { z } from 'zod';
import { idSchema, optional } from './wireTypes';

export const organizationSchema = z.looseObject({
  id: idSchema,
  slug: z.string(),
  name: optional(z.string()),
  links: optional(z.looseObject({ organizationUrl: optional(z.string()), regionUrl: optional(z.string()) })),
});
export type Organization = z.infer<typeof organizationSchema>;

export const projectSchema = z.looseObject({
  id: idSchema,
  slug: z.string(),
  name: optional(z.string()),
  platform: optional(z.string()),
});
export type Project = z.infer<typeof projectSchema>;

export const releaseSchema = z.looseObject({
  version: z.string(),
  shortVersion: optional(z.string()),
  dateCreated: optional(z.string()),
  dateReleased: optional(z.string()),
  firstEvent: optional(z.string()),
  lastEvent: optional(z.string()),
  newGroups: optional(z.number()),
  projects: optional(z.array(z.looseObject({ id: idSchema, slug: optional(z.string()) }))),
});
export type Release = z.infer<typeof releaseSchema>;

/** An organization's environment (`GET /organizations/{org}/environments/`): `{id, name}`. */
export const environmentSchema = z.looseObject({
  id: idSchema,
  name: z.string(),
});
export type Environment = z.infer<typeof environmentSchema>;

export const memberSchema = z.looseObject({
  id: idSchema,
  email: optional(z.string()),
  name: optional(z.string()),
  user: optional(
    z.looseObject({
      id: idSchema,
      name: optional(z.string()),
      email: optional(z.string()),
      username: optional(z.string()),
    }),
  ),
});
export type Member = z.infer<typeof memberSchema>;

export const teamSchema = z.looseObject({ id: idSchema, slug: z.string(), name: optional(z.string()) });
export type Team = z.infer<typeof teamSchema>;

export const codeMappingSchema = z.looseObject({
  stackRoot: z.string(),
  sourceRoot: z.string(),
  projectId: optional(idSchema),
  repoName: optional(z.string()),
  automaticallyGenerated: optional(z.boolean()),
});
export type CodeMapping = z.infer<typeof codeMappingSchema>;

/** `GET /api/0/`: the token's scopes and user (both null without a valid token). */
export const apiIndexSchema = z.looseObject({
  auth: optional(z.looseObject({ scopes: optional(z.array(z.string())) })),
  user: optional(z.looseObject({ id: optional(idSchema), email: optional(z.string()), name: optional(z.string()) })),
});

/** GlitchTip's `GET /api/settings/`, which Sentry does not have. */
export const glitchtipSettingsSchema = z.looseObject({ version: optional(z.string()) });
