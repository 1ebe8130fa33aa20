/** Placeholder while this area is being built (issue 4). */
export function PrepWorkspacePage() {
  return <h1>Prep workspace</h1>;
}
