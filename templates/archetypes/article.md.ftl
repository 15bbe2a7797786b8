<#-- Archetype of a new article (digest new article). Variables: title (a quoted YAML string), date (YYYY-MM-DD), body (archetype_body of the labels). -->
---
title: ${title}
date: ${date}
draft: true                     # leave out of the PDF until you delete this line (digest build --drafts shows it)
# lead: ""                      # one or two sentences under the title, set larger
# source: {name: "", url: ""}   # where the news comes from; printed at the end with a link
# region: ""                    # printed above the title, e.g. "Москва"
# tags: []                      # keywords for the PDF's metadata, e.g. [кластеры, промышленность]
# image: {src: ../images/picture.svg, alt: "", caption: "", credit: ""}   # picture under the title; alt describes it
# weight: 10                    # order in the section; otherwise the NN- number of the file name
# language: en                  # only when the article is not in the publication's language
---

${body}
