/** Placeholder while this area is being built (issue 3). */
export function ImportPage() {
  return <h1>ImportPage</h1>;
}
