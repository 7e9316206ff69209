// The pickers the commands call: project (organization then project), release, environment.
export { pickProject, setProjectSelectedContext } from './projectPicker';
export { pickRelease } from './releasePicker';
export { pickEnvironment } from './environmentPicker';
export { chooseFolder, folderFromArg } from './folderChoice';
export type { FolderServer, ServerOfFolder, ServerProblem } from './folderServer';
