// The "Cause" section: the raising line in the workspace, the commit that last changed it (Open Commit) and the file's
// code owners (Assign to Owner). All text from git and CODEOWNERS is set as text.
import type { CauseView } from '../../core/format/issueViewModel';
import { button, h, section } from '../dom';
import { icon } from '../icons';
import type { PageActions } from './pageActions';

export function renderCause(cause: CauseView, page: PageActions): HTMLElement {
  const commit = cause.suspectCommit;
  return section(
    'cause',
    'Cause',
    h('p', { className: 'cause-location', testId: 'cause-location' }, `Raised at ${cause.location}`),
    commit &&
      h(
        'p',
        { className: 'suspect-commit', testId: 'suspect-commit' },
        h('span', {}, commit.text),
        ' ',
        button({
          label: 'Open Commit',
          className: 'secondary',
          testId: 'open-commit',
          focusKey: 'open-commit',
          title: `Show commit ${commit.sha}`,
          onClick: () => page.openCommit(commit.sha),
        }),
      ),
    cause.owners &&
      h(
        'p',
        { className: 'code-owners', testId: 'code-owners' },
        h('span', {}, cause.owners),
        ' ',
        cause.assignToOwner &&
          button({
            label: 'Assign to Owner',
            icon: icon('person'),
            className: 'secondary',
            testId: 'assign-to-owner',
            focusKey: 'assign-to-owner',
            onClick: () => page.assignToOwner(),
          }),
      ),
  );
}
