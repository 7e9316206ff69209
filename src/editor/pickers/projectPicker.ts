// Sentry: Select Project: the workspace folder (multi-root), then the organization, then the project, both listed
// from the API with the folder's current configuration preselected; the choice is written to the folder's settings.
import * as vscode from 'vscode';
import type { Organization, Project } from '../../core/api/directorySchemas';
import { err, ok } from '../../core/result';
import { contextKeys } from '../commandIds';
import type { Settings } from '../settings';
import { chooseFolder } from './folderChoice';
import type { FolderServer, ServerOfFolder } from './folderServer';
import { pickAfterLoading } from './loadingPick';
import { showPickerProblem } from './pickerProblems';
import { pickText } from '../../core/format/untrustedText';

interface OrganizationItem extends vscode.QuickPickItem {
  readonly organization: Organization;
}

interface ProjectItem extends vscode.QuickPickItem {
  readonly project: Project;
}

/** Sets the `sentryInsight.projectSelected` context key the welcome view and the walkthrough read. */
export function setProjectSelectedContext(selected: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', contextKeys.projectSelected, selected);
}

/** Resolves to true when a project was chosen and written to the folder's settings. */
export async function pickProject(settings: Settings, serverOf: ServerOfFolder, arg?: unknown): Promise<boolean> {
  const folder = await chooseFolder(arg, 'choose the Sentry project of');
  if (!folder) return false;
  const server = await serverOf(folder);
  if (!server.ok) {
    await showPickerProblem(server.error);
    return false;
  }
  const organization = await pickOrganization(server.value, folder);
  if (!organization) return false;
  const project = await pickProjectIn(server.value, organization, folder);
  if (!project) return false;
  await writeChoice(settings, folder, server.value, { organization: organization.slug, project: project.slug });
  await setProjectSelectedContext(true);
  return true;
}

function pickOrganization(server: FolderServer, folder: vscode.WorkspaceFolder): Promise<Organization | undefined> {
  return pickAfterLoading<OrganizationItem>({
    title: `Sentry project of ${folder.name} (1/2): organization`,
    loadingMessage: `Loading your organizations from ${server.url}…`,
    placeholder: 'Organization',
    takeSingle: true,
    isChoice: (item): item is OrganizationItem => 'organization' in item,
    load: async (signal) => {
      const organizations = await server.client.organizations(signal);
      if (!organizations.ok) return organizations;
      if (organizations.value.length === 0)
        return err({ message: `The token sees no organizations on ${server.url}.` });
      const items = organizations.value
        .map((organization) => ({
          label: pickText(organization.name ?? organization.slug),
          description: pickText(organization.slug),
          organization,
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
      return ok({ items, active: items.find((item) => item.organization.slug === server.org) });
    },
  }).then((item) => item?.organization);
}

function pickProjectIn(
  server: FolderServer,
  organization: Organization,
  folder: vscode.WorkspaceFolder,
): Promise<Project | undefined> {
  return pickAfterLoading<ProjectItem>({
    title: `Sentry project of ${folder.name} (2/2): project in ${organization.slug}`,
    loadingMessage: `Loading the projects of ${organization.slug}…`,
    placeholder: 'Project',
    isChoice: (item): item is ProjectItem => 'project' in item,
    load: async (signal) => {
      const projects = await server.client.projects(organization.slug, signal);
      if (!projects.ok) return projects;
      if (projects.value.length === 0)
        return err({ message: `The token sees no projects in organization "${organization.slug}".` });
      const items = projects.value
        .map((project) => ({
          label: pickText(project.slug),
          description: pickText(
            [project.name !== project.slug ? project.name : undefined, project.platform].filter(Boolean).join(' · '),
          ),
          project,
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
      const active =
        organization.slug === server.org ? items.find((item) => item.project.slug === server.project) : undefined;
      return ok({ items, active });
    },
  }).then((item) => item?.project);
}

/** A release pinned for another project means nothing for the new one, so it goes with the old project. */
async function writeChoice(
  settings: Settings,
  folder: vscode.WorkspaceFolder,
  before: FolderServer,
  choice: { organization: string; project: string },
): Promise<void> {
  const pinnedRelease = settings.folder(folder).release;
  await settings.setForFolder(folder, 'organization', choice.organization);
  await settings.setForFolder(folder, 'project', choice.project);
  const changed = before.org !== choice.organization || before.project !== choice.project;
  if (pinnedRelease && changed) await settings.setForFolder(folder, 'release', undefined);
}
