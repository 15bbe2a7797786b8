<#ftl output_format="plainText">
<#-- The plain-text part of the e-mail edition: the same articles and links as email.ftlh. Lines
     longer than 72 characters are broken at spaces afterwards (never inside an address). -->
${issue.title}<#if issue.subtitle?has_content>. ${issue.subtitle}</#if>
${issue.issueLabel} · ${issue.monthLabel}

${labels.email_web!"Read the issue online"}: ${email.web}
${labels.email_pdf!"The issue as PDF"}: ${email.pdf}
<#list issue.sections as section>


${section.title?upper_case}
<#list section.articles as article>
<#assign links = email.articles[article.anchor]>
<#assign words = article.labels>

${article.title}
<#if article.region?has_content>${words.region!"Region"}: ${article.region}
</#if>
<#if article.lead?has_content>${article.lead}
</#if>
${words.email_read!"Read"}: ${links.web}
<#if links.offprint??>${words.email_offprint!"Article PDF"}: ${links.offprint}
</#if>
</#list>
</#list>


----------------------------------------
${email.backText}
<#if issue.publisher.copyright?has_content>

${issue.publisher.copyright}
</#if>
