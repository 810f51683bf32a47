// The type half of the host/remote contract, checked by `npm run typecheck` (tsc -p build): what each remote
// really exports from the module it exposes must be assignable to what the host declares it imports
// (host/src/remotes.d.ts). Change a remote's exported component to need a prop, and the build fails here
// instead of the host rendering it without one. contract.test.ts checks the same list of modules in the built
// output (exposes ↔ declarations), so a module cannot be added on one side only.
import type DashboardApp from '../dashboard/src/App';
import type DashboardSearchBox from '../dashboard/src/search/SearchBox';
import type UserApp from '../user/src/App';
import type AdminApp from '../admin/src/App';

type Fits<Actual extends Declared, Declared> = [Actual, Declared];

export type RemoteContracts = [
  Fits<typeof DashboardApp, typeof import('dashboard/App').default>,
  Fits<typeof DashboardSearchBox, typeof import('dashboard/SearchBox').default>,
  Fits<typeof UserApp, typeof import('user/App').default>,
  Fits<typeof AdminApp, typeof import('admin/App').default>,
];
