<#-- Archetype of a new issue's issue.yaml (digest new issue). Variables: number, date (YYYY-MM). -->
# Issue ${number}, ${date}
number: ${number}
date: "${date}"
# cover: cover.svg              # picture on the cover, a file in this folder (SVG, PNG or JPEG)
# cover_alt: …                  # what the cover picture shows, for a screen reader
# inside_cover: |               # Markdown for the inside of the cover: about the publisher
#   ## About us
# publications:                 # new publications listed on the inside cover
#   - title: "Title of a report"
#     url: "https://example.org/"
