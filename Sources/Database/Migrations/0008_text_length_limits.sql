-- The database's own length limits, the last line behind every form's (finding F2): a text the
-- forms should have refused (a visible character carrying 200,000 combining accents, say) is
-- refused here with a check violation, which the responder answers with 400, instead of being
-- stored into pages and PDFs or breaking an index with a 500. char_length counts code points, as
-- the forms' limits do (String.lengthForLimits). The forms' own limits are lower; these are the
-- ceilings: 500 for a line (well inside a btree entry), 20,000 for notes, 500,000 for rich text.
-- NOT VALID: rows already stored are left as they are; every new write is checked.

ALTER TABLE customers ADD CONSTRAINT customers_name_length CHECK (char_length(name) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_company_name_length CHECK (char_length(company_name) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_email_length CHECK (char_length(email) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_phone_length CHECK (char_length(phone) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_org_number_length CHECK (char_length(org_number) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_vat_number_length CHECK (char_length(vat_number) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_billing_address_line1_length CHECK (char_length(billing_address_line1) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_billing_address_line2_length CHECK (char_length(billing_address_line2) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_billing_city_length CHECK (char_length(billing_city) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_billing_postal_code_length CHECK (char_length(billing_postal_code) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_billing_country_length CHECK (char_length(billing_country) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_delivery_address_line1_length CHECK (char_length(delivery_address_line1) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_delivery_address_line2_length CHECK (char_length(delivery_address_line2) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_delivery_city_length CHECK (char_length(delivery_city) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_delivery_postal_code_length CHECK (char_length(delivery_postal_code) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_delivery_country_length CHECK (char_length(delivery_country) <= 500) NOT VALID;
ALTER TABLE products ADD CONSTRAINT products_name_length CHECK (char_length(name) <= 500) NOT VALID;
ALTER TABLE products ADD CONSTRAINT products_sku_length CHECK (char_length(sku) <= 500) NOT VALID;
ALTER TABLE addons ADD CONSTRAINT addons_name_length CHECK (char_length(name) <= 500) NOT VALID;
ALTER TABLE product_categories ADD CONSTRAINT product_categories_name_length CHECK (char_length(name) <= 500) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_title_length CHECK (char_length(title) <= 500) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_delivery_address_line1_length CHECK (char_length(delivery_address_line1) <= 500) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_delivery_address_line2_length CHECK (char_length(delivery_address_line2) <= 500) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_delivery_city_length CHECK (char_length(delivery_city) <= 500) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_delivery_postal_code_length CHECK (char_length(delivery_postal_code) <= 500) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_delivery_country_length CHECK (char_length(delivery_country) <= 500) NOT VALID;
ALTER TABLE quotation_lines ADD CONSTRAINT quotation_lines_description_length CHECK (char_length(description) <= 500) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_title_length CHECK (char_length(title) <= 500) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_delivery_address_line1_length CHECK (char_length(delivery_address_line1) <= 500) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_delivery_address_line2_length CHECK (char_length(delivery_address_line2) <= 500) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_delivery_city_length CHECK (char_length(delivery_city) <= 500) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_delivery_postal_code_length CHECK (char_length(delivery_postal_code) <= 500) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_delivery_country_length CHECK (char_length(delivery_country) <= 500) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_name_length CHECK (char_length(name) <= 500) NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_email_length CHECK (char_length(email) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_company_name_length CHECK (char_length(company_name) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_address_line1_length CHECK (char_length(address_line1) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_address_line2_length CHECK (char_length(address_line2) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_postal_code_length CHECK (char_length(postal_code) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_city_length CHECK (char_length(city) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_country_length CHECK (char_length(country) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_org_number_length CHECK (char_length(org_number) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_vat_number_length CHECK (char_length(vat_number) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_contact_email_length CHECK (char_length(contact_email) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_contact_phone_length CHECK (char_length(contact_phone) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_website_url_length CHECK (char_length(website_url) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_email_sender_length CHECK (char_length(email_sender) <= 500) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_team_notification_email_length CHECK (char_length(team_notification_email) <= 500) NOT VALID;
ALTER TABLE signatures ADD CONSTRAINT signatures_signer_name_length CHECK (char_length(signer_name) <= 500) NOT VALID;
ALTER TABLE signatures ADD CONSTRAINT signatures_signer_email_length CHECK (char_length(signer_email) <= 500) NOT VALID;
ALTER TABLE signatures ADD CONSTRAINT signatures_typed_text_length CHECK (char_length(typed_text) <= 500) NOT VALID;
ALTER TABLE signing_links ADD CONSTRAINT signing_links_recipient_email_length CHECK (char_length(recipient_email) <= 500) NOT VALID;
ALTER TABLE calendar_feeds ADD CONSTRAINT calendar_feeds_name_length CHECK (char_length(name) <= 500) NOT VALID;
ALTER TABLE customers ADD CONSTRAINT customers_notes_length CHECK (char_length(notes) <= 20000) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_notes_length CHECK (char_length(notes) <= 20000) NOT VALID;
ALTER TABLE bookings ADD CONSTRAINT bookings_cancel_reason_length CHECK (char_length(cancel_reason) <= 20000) NOT VALID;
ALTER TABLE declines ADD CONSTRAINT declines_reason_length CHECK (char_length(reason) <= 20000) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_message_to_customer_length CHECK (char_length(message_to_customer) <= 20000) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_internal_notes_length CHECK (char_length(internal_notes) <= 20000) NOT VALID;
ALTER TABLE addons ADD CONSTRAINT addons_description_length CHECK (char_length(description) <= 20000) NOT VALID;
ALTER TABLE products ADD CONSTRAINT products_description_html_length CHECK (char_length(description_html) <= 500000) NOT VALID;
ALTER TABLE quotations ADD CONSTRAINT quotations_terms_html_length CHECK (char_length(terms_html) <= 500000) NOT VALID;
ALTER TABLE settings ADD CONSTRAINT settings_terms_template_html_length CHECK (char_length(terms_template_html) <= 500000) NOT VALID;
