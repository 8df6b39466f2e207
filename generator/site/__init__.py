"""Site stage: runs the pipeline and turns the docs folder into the public website.

build (the command and its stages, each in a child process), compose (which pages and
downloads make up the site, agency by agency on all cores), cache (work only where the
data changed), sitebuild and minify (MkDocs on every core), search (Pagefind)."""
