/** Where to go after signing in: only a path on this site (never an open redirect). */
export function returnTo(params: URLSearchParams): string {
  const target = params.get('returnTo') ?? '/';
  return target.startsWith('/') && !target.startsWith('//') ? target : '/';
}
