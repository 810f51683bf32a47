// The modules the remotes expose (their contract with the shell): components that take no props.
declare module 'dashboard/App' {
  const App: import('react').ComponentType;
  export default App;
}
declare module 'dashboard/SearchBox' {
  const SearchBox: import('react').ComponentType;
  export default SearchBox;
}
declare module 'user/App' {
  const App: import('react').ComponentType;
  export default App;
}
declare module 'admin/App' {
  const App: import('react').ComponentType;
  export default App;
}
