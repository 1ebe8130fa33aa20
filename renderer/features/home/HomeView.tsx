import type { Ref } from 'react';

interface HomeViewProps {
  headingRef?: Ref<HTMLHeadingElement>;
  /** null while settings load: the call to action waits, below everything else, so nothing jumps. */
  needsProfile: boolean | null;
  onSetUpProfile(): void;
}

const steps = [
  {
    title: 'Find people who do the work',
    text: 'Start with warm connections: alumni, professional groups, former colleagues, family and friends.',
  },
  {
    title: 'Prepare open-ended questions',
    text: 'Read up on the industry, the company and the role, and arrive 10 to 15 minutes early.',
  },
  {
    title: 'Listen, then say thank you',
    text: 'Keep it short, ask who else you should talk to, and send a thank-you note within a day.',
  },
];

/** The start page: what Rapport is for, and where to begin. */
export function HomeView({ headingRef, needsProfile, onSetUpProfile }: HomeViewProps) {
  return (
    <div className="page page-home">
      <header className="page-header">
        <h1 className="page-title" ref={headingRef} tabIndex={-1}>
          Welcome to Rapport
        </h1>
        <p className="page-lead">
          Rapport helps you plan, prepare and follow up informational interviews: short
          conversations with people whose work interests you. You go to learn about a career, an
          industry or a company, and to meet more people, not to ask for a job.
        </p>
      </header>

      <section aria-labelledby="how-heading" className="home-section">
        <h2 id="how-heading" className="section-title">
          How it works
        </h2>
        <ol className="steps">
          {steps.map((step, index) => (
            <li key={step.title} className="step">
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <div>
                <h3 className="step-title">{step.title}</h3>
                <p className="step-text">{step.text}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

      {needsProfile ? (
        <section aria-labelledby="start-heading" className="card card-accent">
          <h2 id="start-heading" className="card-title">
            Start with your profile
          </h2>
          <p className="card-text">
            Your name and contact details go on your thank-you notes and prep sheets. It takes a
            minute.
          </p>
          <button type="button" className="button button-primary" onClick={onSetUpProfile}>
            Set up your profile
          </button>
        </section>
      ) : null}
    </div>
  );
}
