/** Placeholder while this area is being built (issue 3). */
export function PipelinePage() {
  return <h1>PipelinePage</h1>;
}
