"""The request and its coaching: what a request is made of (fields), reading the form
into one (validate, dates), the five tips and what each looks for (tips, rules, coach),
and the drafts it becomes (drafts, spoken for asking in person, downloads)."""
